using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class UserParkConfiguration : IEntityTypeConfiguration<UserPark>
{
    public void Configure(EntityTypeBuilder<UserPark> b)
    {
        b.HasKey(u => new { u.UserId, u.ParkId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Park>().WithMany().HasForeignKey(u => u.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

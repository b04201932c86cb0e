using FieldSurvey.Core.Firms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class FirmConfiguration : IEntityTypeConfiguration<Firm>
{
    public void Configure(EntityTypeBuilder<Firm> b)
    {
        b.Property(f => f.NameZh).HasMaxLength(300);
        b.Property(f => f.NameEn).HasMaxLength(300);
        b.HasIndex(f => f.NameZh);
        b.HasIndex(f => f.NameEn);
        b.HasIndex(f => f.AssignedInterviewerId);
        b.HasOne(f => f.Park).WithMany().HasForeignKey(f => f.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.AssignedInterviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Contacts).WithOne().HasForeignKey(c => c.FirmId).OnDelete(DeleteBehavior.Cascade);
    }
}

using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class DoNotCallConfiguration : IEntityTypeConfiguration<DoNotCall>
{
    public void Configure(EntityTypeBuilder<DoNotCall> b)
    {
        b.Property(d => d.Number).HasMaxLength(40);
        b.Property(d => d.Reason).HasMaxLength(1000);
        b.Property(d => d.RemovalReason).HasMaxLength(1000);
        b.HasIndex(d => d.Number);
        b.HasIndex(d => d.FirmId);
        b.HasOne<Firm>().WithMany().HasForeignKey(d => d.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.ById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RemovedById).OnDelete(DeleteBehavior.Restrict);
    }
}

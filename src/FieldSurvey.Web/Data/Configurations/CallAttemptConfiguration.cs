using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class CallAttemptConfiguration : IEntityTypeConfiguration<CallAttempt>
{
    public void Configure(EntityTypeBuilder<CallAttempt> b)
    {
        b.Property(c => c.Disposition).HasMaxLength(16);
        b.Property(c => c.NumberDialled).HasMaxLength(40);
        b.HasIndex(c => new { c.FirmId, c.AtUtc });
        b.HasOne<Firm>().WithMany().HasForeignKey(c => c.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.InterviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<QuotaTarget>().WithMany().HasForeignKey(c => c.QuotaTargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

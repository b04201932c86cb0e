using FieldSurvey.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class ClassificationJudgementConfiguration : IEntityTypeConfiguration<ClassificationJudgement>
{
    public void Configure(EntityTypeBuilder<ClassificationJudgement> b)
    {
        b.Property(j => j.Scope).HasMaxLength(40);
        b.Property(j => j.Rationale).HasMaxLength(8000);
        b.Property(j => j.RuleText).HasMaxLength(4000);
        b.Property(j => j.Verdict).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(j => new { j.Scope, j.DecidedAtUtc });
        b.HasOne<AppUser>().WithMany().HasForeignKey(j => j.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

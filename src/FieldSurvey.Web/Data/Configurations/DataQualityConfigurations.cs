using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class DataQualityRuleConfiguration : IEntityTypeConfiguration<DataQualityRule>
{
    public void Configure(EntityTypeBuilder<DataQualityRule> b)
    {
        b.Property(x => x.Expression).HasMaxLength(1000);
        b.Property(x => x.MessageEn).HasMaxLength(500);
        b.Property(x => x.MessageZh).HasMaxLength(500);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class DataQueryConfiguration : IEntityTypeConfiguration<DataQuery>
{
    public void Configure(EntityTypeBuilder<DataQuery> b)
    {
        b.Property(x => x.FindingKey).HasMaxLength(300);
        b.Property(x => x.Rule).HasMaxLength(40);
        b.Property(x => x.QuestionIds).HasMaxLength(300);
        b.Property(x => x.MessageCode).HasMaxLength(60);
        b.Property(x => x.ArgsJson).HasMaxLength(2000);
        b.HasIndex(x => new { x.InterviewId, x.FindingKey });
        b.HasIndex(x => new { x.AssignedToId, x.Status });
        b.HasOne<Interview>().WithMany().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DataQualityRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.QueryId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class DataQueryEventConfiguration : IEntityTypeConfiguration<DataQueryEvent>
{
    public void Configure(EntityTypeBuilder<DataQueryEvent> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => x.QueryId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

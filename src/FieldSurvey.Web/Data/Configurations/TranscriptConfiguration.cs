using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class TranscriptConfiguration : IEntityTypeConfiguration<Transcript>
{
    public void Configure(EntityTypeBuilder<Transcript> b)
    {
        b.HasOne<Interview>().WithMany().HasForeignKey(t => t.InterviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.InterviewId).IsUnique();
        b.HasMany(t => t.Revisions).WithOne().HasForeignKey(r => r.TranscriptId).OnDelete(DeleteBehavior.Cascade);
    }
}

using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class CodingAssignmentConfiguration : IEntityTypeConfiguration<CodingAssignment>
{
    public void Configure(EntityTypeBuilder<CodingAssignment> b)
    {
        b.HasIndex(a => new { a.TranscriptId, a.CoderId }).IsUnique();
        b.HasOne<Transcript>().WithMany().HasForeignKey(a => a.TranscriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CoderId).OnDelete(DeleteBehavior.Restrict);
    }
}

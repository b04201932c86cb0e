using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class TranscriptRevisionConfiguration : IEntityTypeConfiguration<TranscriptRevision>
{
    public void Configure(EntityTypeBuilder<TranscriptRevision> b) =>
        b.HasIndex(r => new { r.TranscriptId, r.Revision }).IsUnique();
}

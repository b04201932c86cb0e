using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.HasIndex(s => new { s.TranscriptId, s.CoderId });
        // The report cache re-reads the segments changed since the version it keeps (Data/DataVersion.cs).
        b.Property<long>(ReportInputs.SegmentChangedAt);
        b.HasIndex(ReportInputs.SegmentChangedAt);
        b.Property(s => s.PartnerName).HasMaxLength(300);
        b.HasOne<Transcript>().WithMany().HasForeignKey(s => s.TranscriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(s => s.LinkageTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(s => s.PartnerKindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(s => s.PartnerLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(s => s.NatureId).OnDelete(DeleteBehavior.Restrict);
    }
}

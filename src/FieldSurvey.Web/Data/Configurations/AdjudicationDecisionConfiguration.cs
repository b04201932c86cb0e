using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class AdjudicationDecisionConfiguration : IEntityTypeConfiguration<AdjudicationDecision>
{
    public void Configure(EntityTypeBuilder<AdjudicationDecision> b)
    {
        b.HasIndex(d => new { d.TranscriptId, d.UnitKey }).IsUnique();
        b.Property(d => d.UnitKey).HasMaxLength(40);
        b.Property(d => d.Note).HasMaxLength(2000);
        b.HasOne<Transcript>().WithMany().HasForeignKey(d => d.TranscriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(d => d.SegmentAId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(d => d.SegmentBId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(d => d.ConsensusSegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

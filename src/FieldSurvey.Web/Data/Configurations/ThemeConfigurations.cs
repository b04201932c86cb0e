using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class SegmentThemeConfiguration : IEntityTypeConfiguration<SegmentTheme>
{
    public void Configure(EntityTypeBuilder<SegmentTheme> b)
    {
        b.HasIndex(x => new { x.SegmentId, x.TermId }).IsUnique();
        b.HasIndex(x => x.TermId);
        b.HasOne<Segment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class MemoConfiguration : IEntityTypeConfiguration<Memo>
{
    public void Configure(EntityTypeBuilder<Memo> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => x.AuthorId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Transcript>().WithMany().HasForeignKey(x => x.TranscriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firm>().WithMany().HasForeignKey(x => x.FirmId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class MemoLinkConfiguration : IEntityTypeConfiguration<MemoLink>
{
    public void Configure(EntityTypeBuilder<MemoLink> b)
    {
        b.HasIndex(x => new { x.MemoId, x.SegmentId }).IsUnique();
        b.HasIndex(x => x.SegmentId);
        b.HasOne<Memo>().WithMany().HasForeignKey(x => x.MemoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CodeGroupConfiguration : IEntityTypeConfiguration<CodeGroup>
{
    public void Configure(EntityTypeBuilder<CodeGroup> b) => b.Property(x => x.Name).HasMaxLength(300);
}

sealed class CodeGroupMemberConfiguration : IEntityTypeConfiguration<CodeGroupMember>
{
    public void Configure(EntityTypeBuilder<CodeGroupMember> b)
    {
        b.HasIndex(x => new { x.CodeGroupId, x.TermId }).IsUnique();
        b.HasOne<CodeGroup>().WithMany().HasForeignKey(x => x.CodeGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class FrameworkSummaryConfiguration : IEntityTypeConfiguration<FrameworkSummary>
{
    public void Configure(EntityTypeBuilder<FrameworkSummary> b)
    {
        b.Property(x => x.Text).HasMaxLength(FrameworkSummary.MaxLength);
        b.HasIndex(x => new { x.FirmId, x.TermId }).IsUnique();   // one summary per cell
        b.HasOne<Firm>().WithMany().HasForeignKey(x => x.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

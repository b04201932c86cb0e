using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

// Calibration has tables of its own (not a flag on Segments), so no existing query over segments can pick a
// trainee's answers up: reports, exports, search, the API and .qdpx never see them without being changed.

sealed class CalibrationTestConfiguration : IEntityTypeConfiguration<CalibrationTest>
{
    public void Configure(EntityTypeBuilder<CalibrationTest> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.PrimitiveCollection(x => x.Dimensions);
        b.PrimitiveCollection(x => x.ThemeIds);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CalibrationGoldConfiguration : IEntityTypeConfiguration<CalibrationGold>
{
    public void Configure(EntityTypeBuilder<CalibrationGold> b)
    {
        b.PrimitiveCollection(x => x.ThemeIds);
        b.HasIndex(x => new { x.TestId, x.TranscriptId });
        b.HasOne<CalibrationTest>().WithMany().HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Transcript>().WithMany().HasForeignKey(x => x.TranscriptId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CalibrationTakerConfiguration : IEntityTypeConfiguration<CalibrationTaker>
{
    public void Configure(EntityTypeBuilder<CalibrationTaker> b)
    {
        b.HasIndex(x => new { x.TestId, x.CoderId }).IsUnique();
        b.HasIndex(x => x.CoderId);
        b.HasOne<CalibrationTest>().WithMany().HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CoderId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CalibrationSegmentConfiguration : IEntityTypeConfiguration<CalibrationSegment>
{
    public void Configure(EntityTypeBuilder<CalibrationSegment> b)
    {
        b.PrimitiveCollection(x => x.ThemeIds);
        b.HasIndex(x => new { x.TestId, x.CoderId, x.TranscriptId });
        b.HasOne<CalibrationTest>().WithMany().HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Transcript>().WithMany().HasForeignKey(x => x.TranscriptId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CalibrationOverrideConfiguration : IEntityTypeConfiguration<CalibrationOverride>
{
    public void Configure(EntityTypeBuilder<CalibrationOverride> b)
    {
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.TestId, x.CoderId });
        b.HasOne<CalibrationTest>().WithMany().HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> b)
    {
        b.HasOne<Interview>().WithMany().HasForeignKey(r => r.InterviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.InterviewId, r.Part }).IsUnique();
        b.Property(r => r.FileName).HasMaxLength(260);
        b.Property(r => r.Format).HasMaxLength(8);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.PlayableSha256).HasMaxLength(64);
        b.Property(r => r.PlayableContentType).HasMaxLength(40);
        b.Property(r => r.UploadedById).HasMaxLength(450);
    }
}

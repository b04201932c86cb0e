using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> b)
    {
        b.Property(u => u.Id).HasMaxLength(32);
        b.Property(u => u.Extension).HasMaxLength(8);
        b.Property(u => u.UploadedById).HasMaxLength(450);
        b.HasIndex(u => u.UploadedAtUtc);
    }
}

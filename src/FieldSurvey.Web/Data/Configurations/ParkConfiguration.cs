using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> b)
    {
        b.Property(p => p.Code).HasMaxLength(16);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.NameZh).HasMaxLength(200);
    }
}

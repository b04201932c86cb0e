using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class StudySettingsConfiguration : IEntityTypeConfiguration<StudySettings>
{
    public void Configure(EntityTypeBuilder<StudySettings> b)
    {
        b.Property(s => s.TitleEn).HasMaxLength(300);
        b.Property(s => s.TitleZh).HasMaxLength(300);
    }
}

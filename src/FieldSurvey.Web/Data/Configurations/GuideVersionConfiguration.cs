using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class GuideVersionConfiguration : IEntityTypeConfiguration<GuideVersion>
{
    public void Configure(EntityTypeBuilder<GuideVersion> b) => b.HasIndex(g => g.Number).IsUnique();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> b)
    {
        b.ToTable("DataVersions");
        b.Property(v => v.Id).ValueGeneratedNever();
        // The row exists from the first migration on, so a bump is one UPDATE and never an insert race.
        b.HasData(new DataVersion { Id = DataVersion.RowId, Value = 0 });
    }
}

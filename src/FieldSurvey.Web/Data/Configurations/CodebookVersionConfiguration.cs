using FieldSurvey.Core.Coding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class CodebookVersionConfiguration : IEntityTypeConfiguration<CodebookVersion>
{
    public void Configure(EntityTypeBuilder<CodebookVersion> b)
    {
        b.HasIndex(v => v.Number).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}

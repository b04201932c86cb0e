using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class QuotaTargetConfiguration : IEntityTypeConfiguration<QuotaTarget>
{
    public void Configure(EntityTypeBuilder<QuotaTarget> b)
    {
        b.Property(q => q.Subsector).HasMaxLength(64);
        b.HasIndex(q => new { q.ParkId, q.Subsector }).IsUnique();
        b.HasOne<Park>().WithMany().HasForeignKey(q => q.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}

using FieldSurvey.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Entity).HasMaxLength(80);
        b.Property(a => a.EntityId).HasMaxLength(80);
        b.Property(a => a.Action).HasMaxLength(20);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Entity, a.EntityId });
    }
}

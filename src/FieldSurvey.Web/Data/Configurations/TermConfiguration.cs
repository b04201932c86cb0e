using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.Property(t => t.Code).HasMaxLength(40);
        b.HasIndex(t => new { t.Kind, t.Code }).IsUnique();
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.NameZh).HasMaxLength(200);
        b.Property(t => t.Shortcut).HasMaxLength(1);
        b.HasOne(t => t.Park).WithMany().HasForeignKey(t => t.ParkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Color).HasMaxLength(7);
    }
}

using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class PartnerRowConfiguration : IEntityTypeConfiguration<PartnerRow>
{
    public void Configure(EntityTypeBuilder<PartnerRow> b)
    {
        b.Property(p => p.QuestionId).HasMaxLength(40);
        b.Property(p => p.PartnerName).HasMaxLength(300);
        b.HasOne<Term>().WithMany().HasForeignKey(p => p.LinkageTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(p => p.PartnerKindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(p => p.PartnerLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Term>().WithMany().HasForeignKey(p => p.NatureId).OnDelete(DeleteBehavior.Restrict);
    }
}

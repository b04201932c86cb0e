using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.HasOne<Firm>().WithMany().HasForeignKey(i => i.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GuideVersion>().WithMany().HasForeignKey(i => i.GuideVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InterviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Partners).WithOne().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

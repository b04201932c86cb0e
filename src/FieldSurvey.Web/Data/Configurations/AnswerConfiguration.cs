using FieldSurvey.Core.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldSurvey.Web.Data.Configurations;

sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> b)
    {
        b.Property(a => a.QuestionId).HasMaxLength(40);
        b.HasIndex(a => new { a.InterviewId, a.QuestionId }).IsUnique();
    }
}

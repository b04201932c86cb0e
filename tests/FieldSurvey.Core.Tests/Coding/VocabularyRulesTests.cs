using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class VocabularyRulesTests
{
    static readonly VocabularyEntry[] Vocabulary =
    [
        new(1, TermKind.LinkageType, "research", "r", true),
        new(2, TermKind.Nature, "collaborative", "+", true),
        new(3, TermKind.PartnerKind, "old", "o", false),
        new(4, TermKind.Subsector, "biopharma", null, true),
    ];

    static IEnumerable<string> Problems(VocabularyEntry e) => VocabularyRules.Check(e, Vocabulary).Select(p => $"{p.Field}: {p.Code}");

    [Theory]
    [InlineData(TermKind.PartnerKind, "firm", "R", "Shortcut: " + VocabularyRules.DuplicateShortcut)]
    [InlineData(TermKind.PartnerKind, "research", null, "Code: " + VocabularyRules.DuplicateCodeAcrossDimensions)]
    [InlineData(TermKind.LinkageType, "research", null, "Code: " + VocabularyRules.DuplicateCode)]
    [InlineData(TermKind.PartnerKind, "old", null, "Code: " + VocabularyRules.DuplicateCode)]
    [InlineData(TermKind.PartnerKind, "firm", "o", null)]                 // a retired entry's key is free again
    [InlineData(TermKind.Subsector, "research", "r", null)]              // subsectors are no coding dimension
    [InlineData(TermKind.PartnerKind, "biopharma", null, null)]
    public void Codes_and_keys_are_unique_across_the_four_coding_dimensions(TermKind kind, string code, string? key, string? problem) =>
        Assert.Equal(problem is null ? [] : [problem], Problems(new VocabularyEntry(0, kind, code, key, true)));

    [Fact]
    public void An_entry_being_edited_does_not_clash_with_itself() =>
        Assert.Empty(Problems(new VocabularyEntry(1, TermKind.LinkageType, "research", "R", true)));

    [Fact]
    public void A_whole_vocabulary_names_the_second_entry_of_each_clash()
    {
        var clashes = VocabularyRules.CheckAll([.. Vocabulary, new(0, TermKind.PartnerLocation, "abroad", "r", true)]).ToList();
        Assert.Equal(("abroad", VocabularyField.Shortcut), Assert.Single(clashes.Select(c => (c.Entry.Code, c.Problem.Field))));
    }
}

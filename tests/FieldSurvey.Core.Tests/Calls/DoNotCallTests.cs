using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class DoNotCallTests
{
    static readonly Disposition Fresh = Dispositions.Get(Dispositions.NotAttempted);

    // Firm 7 is marked as a whole; the number 010-8070 1001 is marked (stored normalised, as the page stores it).
    static readonly DoNotCallList List = new([7], [FieldSurvey.Core.Firms.Phones.Normalize("010-8070 1001")]);

    [Theory]
    [InlineData("+86 10 8070 1001")]
    [InlineData("0086 10 80701001")]
    [InlineData("010-80701001")]
    [InlineData("(010) 8070-1001")]
    public void A_marked_number_matches_however_it_is_written(string written) => Assert.True(List.NumberBarred(written));

    [Theory]
    [InlineData("+86 10 8070 1002")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_number_or_none_is_not_barred(string? written) => Assert.False(List.NumberBarred(written));

    [Fact]
    public void A_firm_leaves_the_list_when_marked_or_when_all_its_numbers_are_marked_but_not_for_one_marked_number_of_two()
    {
        var entries = new[] { 7, 8, 9, 10 }.Select(id => new CallListEntry(id, CallListReason.CallbackDue, null, 1, Fresh)).ToList();
        var numbers = new Dictionary<int, List<string>>
        {
            [7] = ["+86 10 6788 2003"],                            // the firm itself is marked
            [8] = ["+86 10 8070 1001"],                            // its only number is marked (written in another firm's way)
            [9] = ["+86 10 8070 1001", "+86 10 8070 1009"],        // one of two numbers is marked
        };                                                        // 10: no number on file
        Assert.Equal([9, 10], List.Apply(entries, numbers).Select(e => e.FirmId));
    }

    [Fact]
    public void Logging_a_call_is_refused_for_a_marked_firm_a_marked_number_or_a_firm_with_only_marked_numbers()
    {
        Assert.Equal(DoNotCallRules.FirmIsBarred, DoNotCallRules.CheckCall(List, 7, ["+86 10 6788 2003"], "+86 10 6788 2003").Single().Code);
        var number = DoNotCallRules.CheckCall(List, 9, ["+86 10 8070 1001", "+86 10 8070 1009"], "010 8070 1001").Single();
        Assert.Equal(("Number", DoNotCallRules.NumberIsBarred), (number.Field, number.Code));
        Assert.Equal(DoNotCallRules.NoCallableNumber, DoNotCallRules.CheckCall(List, 8, ["+86 10 8070 1001"], null).Single().Code);
        Assert.Empty(DoNotCallRules.CheckCall(List, 9, ["+86 10 8070 1001", "+86 10 8070 1009"], "+86 10 8070 1009"));
        Assert.Empty(DoNotCallRules.CheckCall(List, 10, [], "+86 10 5555 0000"));
    }

    [Theory]
    [InlineData(true, 3, null, "受访者要求不再来电", new string[0])]
    [InlineData(false, 3, "+86 10 8070 1001", "asked never to be called again", new string[0])]
    [InlineData(false, null, "138 0000 1004", "wrong person, asked to stop", new string[0])]
    [InlineData(true, null, null, "x", new[] { DoNotCallRules.NothingMarked })]
    [InlineData(false, 3, " ", "x", new[] { DoNotCallRules.NothingMarked })]
    [InlineData(false, 3, "call me", "x", new[] { DoNotCallRules.NumberInvalid })]
    [InlineData(true, 3, null, "  ", new[] { DoNotCallRules.ReasonMissing })]
    public void Marking_needs_the_firm_or_a_valid_number_and_a_reason(bool wholeFirm, int? firmId, string? number, string reason, string[] codes) =>
        Assert.Equal(codes, DoNotCallRules.CheckMark(wholeFirm, firmId, number, reason).Select(p => p.Code));

    [Fact]
    public void Removal_needs_a_reason() =>
        Assert.Equal([DoNotCallRules.RemovalReasonMissing], DoNotCallRules.CheckRemoval(" ").Select(p => p.Code));
}

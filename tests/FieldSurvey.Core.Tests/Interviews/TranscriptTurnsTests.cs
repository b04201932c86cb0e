using System.Text;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class TranscriptTurnsTests
{
    [Fact]
    public void Labelled_lines_become_turns_and_unlabelled_lines_continue_them()
    {
        var text = "访谈员：贵公司成立于哪一年？\n受访者：2008年。\n我们在亦庄。\nInterviewer: Thank you.\nRespondent: You're welcome.";
        var turns = TranscriptTurns.Parse(text);
        Assert.Equal([Speaker.Interviewer, Speaker.Respondent, Speaker.Interviewer, Speaker.Respondent], turns.Select(t => t.Speaker));
        Assert.Equal("2008年。\n我们在亦庄。", turns[1].Text);
        Assert.Equal("受访者：2008年。\n我们在亦庄。", text[turns[1].Start..turns[1].End]);
        Assert.Equal("You're welcome.", turns[3].Text);
    }

    [Fact]
    public void Text_without_labels_is_one_turn_of_no_speaker()
    {
        var turns = TranscriptTurns.Parse("Notes only.\nNo speakers here.");
        var turn = Assert.Single(turns);
        Assert.Equal(Speaker.None, turn.Speaker);
        Assert.Equal("Notes only.\nNo speakers here.", turn.Text);
    }

    [Fact]
    public void A_preamble_before_the_first_label_is_kept()
    {
        var turns = TranscriptTurns.Parse("2026年11月访谈\n问：你好\n答：你好");
        Assert.Equal([Speaker.None, Speaker.Interviewer, Speaker.Respondent], turns.Select(t => t.Speaker));
        Assert.Equal("2026年11月访谈", turns[0].Text);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("gb18030")]
    public void Uploaded_text_is_decoded_whatever_its_encoding(string encoding)
    {
        const string text = "访谈员：你们和大兴的企业有合作吗？";
        var bytes = encoding switch
        {
            "utf8" => Encoding.UTF8.GetBytes(text),
            "utf8bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            _ => CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text),
        };
        var (decoded, detected) = UploadedText.Decode(bytes);
        Assert.Equal(text, decoded);
        Assert.Equal(encoding == "gb18030" ? "GB18030" : "UTF-8", detected);
    }

    [Fact]
    public void Partner_rows_become_linkages_with_their_scope()
    {
        var terms = new Dictionary<int, Term>
        {
            [1] = new() { Id = 1, Kind = TermKind.LinkageType, Code = "research", NameEn = "R", NameZh = "研" },
            [2] = new() { Id = 2, Kind = TermKind.PartnerLocation, Code = "DX", NameEn = "DX", NameZh = "大兴", Level = LocationLevel.Park, ParkId = 3 },
            [3] = new() { Id = 3, Kind = TermKind.PartnerLocation, Code = "YZ", NameEn = "YZ", NameZh = "亦庄", Level = LocationLevel.Park, ParkId = 2 },
            [4] = new() { Id = 4, Kind = TermKind.PartnerKind, Code = "university", NameEn = "U", NameZh = "高校" },
        };
        PartnerRow Row(int? location) => new() { QuestionId = "B1", PartnerName = "北京大学", LinkageTypeId = 1, PartnerKindId = 4, PartnerLocationId = location };
        var records = PartnerLinkage.Build([new(7, 9, 2, Row(2)), new(7, 9, 2, Row(3)), new(7, 9, 2, Row(null))], terms);
        Assert.Equal([Scope.CrossCluster, Scope.WithinCluster, null], records.Select(r => r.Scope));
        Assert.Equal(new PartnerLinkageRecord(7, 9, 2, "research", "university", "DX", Scope.CrossCluster, null, "北京大学"), records[0]);
    }
}

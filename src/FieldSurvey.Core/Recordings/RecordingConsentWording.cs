namespace FieldSurvey.Core.Recordings;

/// <summary>
/// What the interviewer reads out before recording, in both languages at once whatever the screen's language:
/// the respondent hears it in theirs. Study text, like the guide's questions, not interface wording.
/// </summary>
public static class RecordingConsentWording
{
    public const string Chinese = "为了核对访谈记录，我们希望对本次通话录音。录音只供本研究团队使用，不会公开，并会在研究规定的期限后删除。您同意录音吗？";
    public const string English = "To check the interview notes, we would like to record this call. Only the research team will hear it; it is never published and is deleted after the period the study sets. Do you agree to the recording?";
}

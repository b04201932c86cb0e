namespace FieldSurvey.Web;

/// <summary>
/// Anchor for the one shared string table: Resources/SharedResource.zh-Hans.resx. Every user-facing
/// string is written in English in code and views and looked up through IStringLocalizer&lt;SharedResource&gt;.
/// </summary>
public sealed class SharedResource;

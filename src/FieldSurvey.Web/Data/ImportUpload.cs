namespace FieldSurvey.Web.Data;

/// <summary>
/// A firm-import file kept between the upload, mapping and preview steps. It lives in the database, not on
/// one instance's disk, so every instance behind a load balancer can read it. Not research data, so not
/// audited (an audit row would copy the whole file); removed after the import or after a day.
/// </summary>
public sealed class ImportUpload
{
    /// <summary>32 lower-case hex digits, drawn at random: the step pages carry it in their URL.</summary>
    public required string Id { get; set; }
    /// <summary>".csv" or ".xlsx".</summary>
    public required string Extension { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedById { get; set; }
    public DateTimeOffset UploadedAtUtc { get; set; }
}

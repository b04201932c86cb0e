using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>Which configured limit a page's uploads obey (<see cref="StorageOptions"/>).</summary>
public enum UploadKind
{
    /// <summary>Transcripts and firm imports: Storage:MaxUploadBytes.</summary>
    File,
    /// <summary>REFI-QDA projects: Storage:MaxProjectUploadBytes.</summary>
    Project,
}

/// <summary>Marks a page that accepts uploads: the server admits request bodies up to that limit, and the page states it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(UploadKind kind) : Attribute
{
    public UploadKind Kind => kind;
}

/// <summary>
/// One limit per kind of upload, read from configuration, used three ways: the page shows it, the page
/// refuses a larger file at its field, and the server's own request-size limit (Kestrel's, ~28.6 MB by
/// default, and the multipart form reader's) is set to it for that page, before antiforgery reads the form.
/// Elsewhere the server keeps its defaults.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the multipart framing, the antiforgery token and the form's other fields.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static long Bytes(this StorageOptions storage, UploadKind kind) =>
        kind == UploadKind.Project ? storage.MaxProjectUploadBytes : storage.MaxUploadBytes;

    /// <summary>The limit as pages state it: "50", "0.5" (MB, 1 MB = 1,048,576 bytes).</summary>
    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>After routing (the endpoint is known), before anything reads the body.</summary>
    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>() is not { } upload)
        {
            await next(context);
            return;
        }
        var storage = context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value;
        var limit = storage.Bytes(upload.Kind) + FormOverheadBytes;
        if (context.Request.ContentLength > limit)
        {
            // Refused before a byte of the body is read; the status page names the reason.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (context.Request.HasFormContentType)
        {
            var defaults = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit, ValueLengthLimit = defaults.ValueLengthLimit, ValueCountLimit = defaults.ValueCountLimit,
                MultipartHeadersLengthLimit = defaults.MultipartHeadersLengthLimit, BufferBody = defaults.BufferBody,
                MemoryBufferThreshold = defaults.MemoryBufferThreshold, KeyLengthLimit = defaults.KeyLengthLimit,
            }));
        }
        await next(context);
    });
}

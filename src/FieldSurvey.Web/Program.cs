using System.Globalization;
using System.Text;
using FieldSurvey.Web;
using FieldSurvey.Web.Api;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // GB18030 imports

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

if (args is ["restore", var backupFile, ..])
{
    // dotnet run --project src/FieldSurvey.Web -- restore FILE [--force]: put a SQLite backup in place, then exit.
    var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
    var restored = Backups.RestoreSqlite(Path.GetFullPath(backupFile), DatabaseSetup.DataFolder(storage, builder.Environment.ContentRootPath),
        force: args.Contains("--force"), TimeProvider.System.GetUtcNow());
    Console.WriteLine($"Restored {backupFile} to {restored}. Start the app as usual.");
    return;
}

services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<TimeOptions>().BindConfiguration(TimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
    .Validate(d => !d.Enabled || !builder.Environment.IsProduction(), "Demo mode is refused in Production.").ValidateOnStart();

// Behind a reverse proxy that terminates HTTPS (README, "Operating"): trust its X-Forwarded-* headers, and only its.
services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
    .Validate(p => !p.Enabled || p.KnownProxies.Length > 0, "ReverseProxy:KnownProxies must list the proxies' addresses when ReverseProxy:Enabled is true.")
    .Validate(p => p.KnownProxies.All(a => System.Net.IPAddress.TryParse(a, out _)), "ReverseProxy:KnownProxies holds an address that is not an IP address.")
    .ValidateOnStart();
services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    // Exactly the listed proxies: ASP.NET's default loopback entries go, so a local process is not trusted by accident.
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
    foreach (var address in proxy.Value.KnownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
});
services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
// One rule for every cookie the app sets (sign-in, antiforgery, TempData): Secure unless in Development or
// where a PI allowed plain HTTP on a trusted network.
services.AddOptions<CookiePolicyOptions>().Configure<IOptions<SecurityOptions>, IWebHostEnvironment>((o, security, env) =>
    o.Secure = env.IsDevelopment() || security.Value.AllowPlainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
if (builder.Configuration["Logging:Format"] == "json")
    builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);

services.AddHttpContextAccessor();
services.AddSingleton(TimeProvider.System); // the one wall clock; tests replace it with a fixed fake
services.AddFieldSurveyDatabase(builder.Configuration);

services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    })
    .AddEntityFrameworkStores<FieldSurveyDbContext>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddErrorDescriber<LocalizedIdentityErrors>()
    .AddDefaultTokenProviders();
// A deactivated person or changed roles take effect within a minute, not at cookie expiry.
services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.Name = "FieldSurvey.Auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    // The page scripts' JSON requests (wwwroot/js/post-json.js) get a status instead of the login or access-denied
    // page, so they can ask the person to sign in again, or say that they may not, rather than retry for ever.
    o.Events.OnRedirectToLogin = c => JsonAwareRedirect(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => JsonAwareRedirect(c, StatusCodes.Status403Forbidden);
});
static Task JsonAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
{
    if (c.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)) c.Response.StatusCode = status;
    else c.Response.Redirect(c.RedirectUri);
    return Task.CompletedTask;
}
services.AddFieldSurveyDataProtection(); // key ring encrypted with DataProtection:CertificatePath (Infrastructure/KeyRing.cs)
PageAccess.AddPolicies(services.AddAuthorizationBuilder());

services.AddLocalization(o => o.ResourcesPath = "Resources");
services.AddSingleton<TranslationGaps>();
services.AddSingleton<ResourceManagerStringLocalizerFactory>();
services.AddSingleton<IStringLocalizerFactory, GapTrackingLocalizerFactory>();
services.AddRazorPages(PageAccess.Configure)
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddMvcOptions(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        ModelBindingMessages.Localize(o.ModelBindingMessageProvider);
    });
services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [new("en"), new("zh-Hans")];
    o.DefaultRequestCulture = new RequestCulture("en");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.FallBackToParentCultures = true;   // a browser's zh-CN (parent zh-Hans) gets Chinese
    o.FallBackToParentUICultures = true;
    o.RequestCultureProviders.Insert(0, new ProfileCultureProvider());
});
services.AddScoped<UserTime>();
services.AddSingleton<FieldSurvey.Web.Pages.Reports.ReportCache>(); // the computed report per data version, shared by requests
services.AddSingleton<FieldSurvey.Web.Pages.Calls.CallListCache>(); // call lists' inputs per call-list version and park scope
services.AddSingleton<FieldSurvey.Web.Pages.Coding.CodebookCache>(); // the annotator's codebook per version of what is not segments
services.AddSingleton<FieldSurvey.Web.Pages.Interviews.RecordingStore>();
services.AddSingleton<FieldSurvey.Web.Exports.DownloadSpool>(); // large downloads go through a file, not memory
services.AddScoped<FieldSurvey.Web.Pages.Interviews.RecordingRetention>();
services.AddHostedService<FieldSurvey.Web.Pages.Interviews.RecordingRetentionService>(); // the hourly retention sweep
// Chinese text is written as characters, not &#x...; entities (HTML-significant characters are still encoded).
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.AddFieldSurveyApi(); // the read API under /api/v1, its tokens, rate limit and OpenAPI (Api/ApiSetup.cs)
services.AddHealthChecks().AddDbContextCheck<FieldSurveyDbContext>("database");

var app = builder.Build();
ModelBindingMessages.Use(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

await DatabaseStartup.InitialiseAsync(app.Services);

if (args is ["generate", var sizeName, ..])
{
    // dotnet run --project src/FieldSurvey.Web -- generate small|study|large [--seed N]: a synthetic study, then exit.
    if (app.Environment.IsProduction()) throw new InvalidOperationException("generate is refused in Production.");
    var size = Enum.Parse<FieldSurvey.Core.Synthetic.SyntheticSize>(sizeName, ignoreCase: true);
    var seedIndex = Array.IndexOf(args, "--seed");
    var seed = seedIndex > 0 ? int.Parse(args[seedIndex + 1], CultureInfo.InvariantCulture) : 2026;
    using var scope = app.Services.CreateScope();
    Console.WriteLine(await FieldSurvey.Web.Data.Seed.SyntheticLoader.LoadAsync(
        scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
        size, seed, app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Password,
        app.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
    return;
}

if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
    app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowPlainHttp)
    app.Logger.LogWarning("Security:AllowPlainHttp is on: sign-in cookies travel unencrypted. Use it only on a trusted network; put HTTPS in front otherwise.");

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseSecurityHeaders();
app.UseCookiePolicy();
app.UseStaticFiles();
app.UseRouting();
app.UseUploadLimits();
app.UseAuthentication();
// After authentication: the person's chosen language is a claim of the sign-in cookie (ProfileCultureProvider).
app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
app.UseMiddleware<SetupRedirect>();
app.UseApiAudit();
app.UseAuthorization();
app.UseRateLimiter(); // after authorization: the API's limit counts per token
app.MapHealth();
app.MapRazorPages();
app.MapFieldSurveyApi();
FieldSurvey.Web.Pages.Interviews.RecordingAccess.MapRecordings(app);

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

using System.Globalization;
using Forum.Core;
using Forum.Core.Accounts;
using Forum.Data;
using Forum.Web.Accounts;
using Forum.Web.Composer;
using Forum.Web.Digests;
using Forum.Web.Drafts;
using Forum.Web.Infrastructure;
using Forum.Web.Jobs;
using Forum.Web.Live;
using Forum.Web.Notifications;
using Forum.Web.Moderation;
using Forum.Web.Mail;
using Forum.Web.Uploads;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Npgsql;

namespace Forum.Web;

public static class ForumWebSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("es")];

    public static IServiceCollection AddForumWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ForumOptions>().BindConfiguration("Forum").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ForumDatabase>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<ManagedPostgresSupervisor>().AddHostedService<ListeningBaseUrl>();
        services.AddForumCore();
        services.AddForumData(sp => sp.GetRequiredService<ForumDatabase>().ConnectionString);
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<SetupState>();
        services.AddHttpContextAccessor();
        services.AddScoped<TimeDisplay>();
        services.AddSingleton<Topics.RecentGuestViews>();
        services.AddScoped<Demo.DemoLoader>();

        services.AddExceptionHandler<ErrorResponses>();
        services.AddForumProxy();
        // SecurityHeaders sends X-Frame-Options on every response, not only with the antiforgery cookie.
        services.AddAntiforgery(options =>
        {
            options.SuppressXFrameOptionsHeader = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", "Admin");
            Pages.Topics.Routes.Add(options.Conventions);
        }).AddMvcOptions(options =>
        {
            // Core's rules say what is required, in the reader's language; no English-only duplicates.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            options.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/Error/403";
                options.Cookie.Name = "ronda";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(60);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = async context =>
                {
                    // An outage during the periodic re-check must not fail authentication: it runs again for the
                    // error page, which then could not render for members. The re-check waits for a later request.
                    try { await ForumClaims.RefreshAsync(context); }
                    catch (Exception e) when (ErrorResponses.IsDatabaseOutage(e)) { }
                };
                // A signed-in member refused a page (an admin page, say) gets 403 and the error page, not a redirect to it.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy("Admin", policy => policy.RequireRole(nameof(UserRole.Admin)))
            .AddPolicy("Staff", policy => policy.RequireRole(nameof(UserRole.Admin), nameof(UserRole.Moderator)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The member's own choice first, then what the browser asks for.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Task.FromResult(
                    http.User.FindFirst(ForumClaims.Locale)?.Value is { } locale ? new ProviderCultureResult(locale) : null)),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddForumLive(config);
        services.AddForumJobs(config);
        services.AddForumNotifications();
        services.AddForumModeration();
        services.AddForumDataProtection();
        services.AddForumMail();
        services.AddForumDigests();
        services.AddForumRateLimits();
        services.AddForumUploads();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountMailQueue>());
        return services;
    }

    public static WebApplication UseForumPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // In every environment: a visitor never sees a stack trace; the log has it.
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseMiddleware<HostileRequestGuard>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<SetupRedirect>();
        app.MapGet("/healthz", HealthAsync);
        app.UseForumJobs();
        app.MapRazorPages();
        app.MapPostsApi();
        app.MapComposerApi();
        app.MapDraftsApi();
        app.MapUploads();
        app.MapHub<TopicHub>(TopicHub.Path);
        return app;
    }

    private static async Task<IResult> HealthAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        try
        {
            await using var command = db.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return Results.Text("ok");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

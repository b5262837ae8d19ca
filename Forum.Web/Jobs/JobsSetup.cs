using Forum.Web.Infrastructure;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;

namespace Forum.Web.Jobs;

/// <summary>The "Forum:Jobs" configuration section.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this instance processes jobs. Every instance may; they share the queue in PostgreSQL.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Min(20, Environment.ProcessorCount * 4);

    /// <summary>How often scheduled jobs (topic timers) are checked for being due; Hangfire's default is 15 s.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}

public static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Hangfire on the forum's own PostgreSQL (schema "hangfire"), shared by every forum instance.</summary>
    public static IServiceCollection AddForumJobs(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Forum:Jobs").Get<JobOptions>() ?? new JobOptions();
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(sp.GetRequiredService<ForumDatabase>().ConnectionString),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1) }));
        if (options.RunServer)
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
            });
        services.AddHostedService<JobSchedule>();
        services.AddScoped<RecookPosts>();
        services.AddScoped<RunTopicTimer>();
        services.AddScoped<EnqueueDigests>();
        services.AddScoped<SendDigest>();
        services.AddScoped<EnqueueNotificationEmails>();
        services.AddScoped<SendNotificationEmail>();
        return services;
    }

    public static WebApplication UseForumJobs(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DashboardPath), dashboard => dashboard.Use((http, next) =>
        {
            Infrastructure.SecurityHeaders.AllowInlineStyles(http);
            return next(http);
        }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminsOnly()],
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(nameof(Core.Accounts.UserRole.Admin));
    }
}

/// <summary>Registers the recurring jobs at start-up, and re-cooks at once if the renderer changed.</summary>
public sealed class JobSchedule(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<RecookPosts>("recook-posts", job => job.RunAsync(CancellationToken.None), Cron.Daily);
        jobs.Enqueue<RecookPosts>(job => job.RunAsync(CancellationToken.None));
        recurring.AddOrUpdate<EnqueueDigests>(EnqueueDigests.RecurringJobId, job => job.RunAsync(CancellationToken.None), EnqueueDigests.Every15Minutes);
        recurring.AddOrUpdate<EnqueueNotificationEmails>(EnqueueNotificationEmails.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            EnqueueNotificationEmails.Every5Minutes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

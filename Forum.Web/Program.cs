using Forum.Data.Database;
using Forum.Web;
using Forum.Web.Cli;
using Forum.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddForumWeb(builder.Configuration);
var app = builder.Build();

try
{
    // Before anything else touches the database, so a managed cluster that cannot start stops the forum with
    // its one sentence instead of a hosted service's stack trace.
    await app.Services.GetRequiredService<ForumDatabase>().InitializeAsync(CancellationToken.None);
    if (CliCommands.Matches(args))
    {
        var exitCode = await CliCommands.RunAsync(args, app.Services);
        await app.DisposeAsync();
        return exitCode;
    }
    app.UseForumPipeline();
    await app.RunAsync();
    return 0;
}
catch (ManagedPostgresException e)
{
    app.Logger.LogCritical("{Reason}", e.Message);
    await app.DisposeAsync();
    return 1;
}

public partial class Program;

using Forum.Data.Database;
using Forum.Web;
using Forum.Web.Cli;
using Forum.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddForumWeb(builder.Configuration);
var app = builder.Build();

try
{
    if (CliCommands.Matches(args))
    {
        await app.Services.GetRequiredService<ForumDatabase>().InitializeAsync(CancellationToken.None);
        var exitCode = await CliCommands.RunAsync(args, app.Services);
        await app.DisposeAsync();
        return exitCode;
    }
    app.UseForumPipeline();
    await app.RunAsync();
    return 0;
}
catch (PostgresNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    await app.DisposeAsync();
    return 1;
}

public partial class Program;

using ChangeAgentAcademy.Web.Hosting;

// `dotnet ChangeAgentAcademy.Web.dll migrate` applies pending migrations and exits (production upgrades).
if (args.FirstOrDefault() == "migrate")
{
    return await Migrations.ApplyAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAcademy();

var app = builder.Build();
app.UseAcademy();
await app.RunAsync();
return 0;

public partial class Program;

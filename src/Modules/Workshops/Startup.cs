using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Workshops;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Workshops";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => WorkshopModel.Configure(modelBuilder);
}

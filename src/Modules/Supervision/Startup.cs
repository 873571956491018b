using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Supervision.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Supervision;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Supervision";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => SupervisionModel.Configure(modelBuilder);
}

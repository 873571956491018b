using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ModuleModelSource modules)
    : AppDbContext(options, modules);

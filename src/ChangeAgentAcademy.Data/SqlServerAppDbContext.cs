using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Data;

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ModuleModelSource modules)
    : AppDbContext(options, modules);

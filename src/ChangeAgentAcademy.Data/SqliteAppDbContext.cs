using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Data;

// One subclass per provider so each keeps its own migration set (Data/Migrations/<Provider>).
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ModuleModelSource modules)
    : AppDbContext(options, modules);

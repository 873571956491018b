using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.TestIdentityProvider;

/// <summary>OpenIddict's tables (clients, authorizations, tokens), in an in-memory SQLite database.</summary>
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : DbContext(options);

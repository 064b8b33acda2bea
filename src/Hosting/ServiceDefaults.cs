using System.Text.Json;
using GraphReports.Analytics.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GraphReports.Hosting;

/// <summary>
/// What both hosts share in front of their endpoints: <c>builder.AddServiceDefaults()</c> registers it,
/// <c>app.UseServiceDefaults()</c> puts it in the pipeline. No <c>Server</c> header; security headers on
/// every answer; per-key rate limits (429 + <c>Retry-After</c>); exceptions as problem documents (store
/// failures 503 naming the cause, anything else 500 with a logged error id); CORS only for configured
/// origins; <c>/health/live</c>, <c>/health/ready</c> and <c>/health</c> (= ready).
/// </summary>
public static class ServiceDefaults
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);
        services.AddProblemDetails();
        services.AddExceptionHandler<ServiceExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<InternalErrorLog>();
        var rates = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter => KeyRateLimits.Configure(limiter, rates));
        var origins = builder.Configuration.GetSection(CorsOptions.SectionName).Get<CorsOptions>()?.AllowedOrigins ?? [];
        if (origins.Length > 0)
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                .WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type", "Content-Encoding", "Accept")
                .WithExposedHeaders("Retry-After")));
        services.AddHealthChecks();
        return builder;
    }

    /// <summary>Makes readiness depend on the store: its recorded failures and a probe commit (see <see cref="StoreHealthCheck"/>).</summary>
    public static IServiceCollection AddStoreReadiness(this IServiceCollection services, Func<IServiceProvider, StoreHealthCheck> check)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration("store", check, HealthStatus.Unhealthy, [ReadyTag]));
        return services;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null) app.UseCors();
        app.UseRateLimiter();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteHealth };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }

    /// <summary>The security headers of <see cref="SecurityHeaders"/> on every answer (also for hosts that take nothing else of these defaults).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(SecurityHeaders.Apply);

    /// <summary><c>{"status": "ok" | "unhealthy", "checks": {"store": {"status", "description", "cause"?}}}</c>; 503 when unhealthy.</summary>
    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var checks = report.Entries.ToDictionary(e => e.Key, e => (object)new Dictionary<string, object?>
        {
            ["status"] = Word(e.Value.Status),
            ["description"] = e.Value.Description,
            ["cause"] = e.Value.Data.TryGetValue("cause", out var cause) ? cause : null,
        });
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["status"] = Word(report.Status),
            ["checks"] = checks,
        }));
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

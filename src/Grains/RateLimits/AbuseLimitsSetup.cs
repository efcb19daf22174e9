using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.RateLimits;

public static class AbuseLimitsSetup
{
    /// <summary>Binds <see cref="AbuseLimits"/> from its section; a value out of range stops the silo at start.</summary>
    public static IServiceCollection AddAbuseLimits(this IServiceCollection services)
    {
        services.AddOptions<AbuseLimits>()
            .BindConfiguration(AbuseLimits.Section)
            .Validate(limits => Validator.TryValidateObject(limits, new ValidationContext(limits), null, validateAllProperties: true),
                $"{AbuseLimits.Section}: a value is out of range (see docs/security.md)")
            .ValidateOnStart();
        return services;
    }
}

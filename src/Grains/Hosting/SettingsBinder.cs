using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Chat.Hosting;

/// <summary>Binds a configuration section to typed settings and fails with one line naming the first bad key.</summary>
public static class SettingsBinder
{
    public static T BindRequired<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        var settings = new T();
        configuration.GetSection(section).Bind(settings);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            var first = results[0];
            var key = $"{section}:{first.MemberNames.FirstOrDefault() ?? "?"}";
            throw new StartupException($"Configuration error: {key}: {first.ErrorMessage}");
        }

        return settings;
    }
}

using System.Text;

namespace Translator.Platform.Provisioning;

/// <summary>The shell scripts in the initramfs. They run under busybox's ash, before any applet is installed, hence /bin/busybox.</summary>
internal static class InitScripts
{
    public const string SetupPath = "/etc/translator/setup.sh";
    public const string ReadyMarker = "translator: init ready";
    public const string Hostname = "translator";

    /// <summary>
    /// The setup every init sources: the kernel's filesystems, busybox's applets and the virtio
    /// modules. Debian's kernel neither mounts devtmpfs by itself (no CONFIG_DEVTMPFS_MOUNT) nor
    /// builds virtio-mmio and virtio-blk in.
    /// </summary>
    public static string Setup(string kernelRelease, IEnumerable<string> modulePaths)
    {
        var text = new StringBuilder("""
            # Sourced by /init: mounts the kernel's filesystems, installs busybox's applets as symbolic
            # links and loads the virtio modules (dependencies first), so that every init starts alike.
            /bin/busybox mount -t proc proc /proc
            /bin/busybox mount -t sysfs sysfs /sys
            /bin/busybox mount -t devtmpfs devtmpfs /dev
            /bin/busybox --install -s
            export PATH=/sbin:/usr/sbin:/bin:/usr/bin HOME=/root

            """);
        foreach (string path in modulePaths)
            // Present in /sys/module already when this script runs a second time.
            text.Append($"[ -d /sys/module/{KernelModules.NameOf(path)} ] || insmod /lib/modules/{kernelRelease}/{path}\n");
        text.Append($"hostname {Hostname}\n");
        return text.ToString();
    }

    /// <summary>
    /// The default guest's init (PID 1): the setup, the ready marker, then a shell on the console
    /// with job control (cttyhack makes the console, ttyAMA0, its controlling terminal).
    /// </summary>
    public static readonly string DefaultInit = $$"""
        #!/bin/busybox sh
        . {{SetupPath}}
        # busybox's poweroff, halt and reboot without -f signal PID 1 as they would busybox's init.
        trap 'poweroff -f' USR1 USR2
        trap 'reboot -f' TERM
        echo "{{ReadyMarker}}"
        # In the background, because only the wait builtin is cut short by a trapped signal. cttyhack
        # gives the shell the console back as its stdin, which a background job does not inherit.
        setsid cttyhack sh &
        wait $!
        # Leaving the shell ends the guest; init exiting would panic the kernel instead.
        poweroff -f

        """;

    /// <summary>An init script that does the common setup and then runs <paramref name="commands"/>.</summary>
    public static string WithSetup(string commands) => $"#!/bin/busybox sh\n. {SetupPath}\n{commands.TrimEnd('\n')}\n";
}

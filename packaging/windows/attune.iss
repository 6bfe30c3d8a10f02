; Inno Setup script for Attune's Windows installer.
;
; Not built by CI: this recipe is written to be run on Windows; it has not been run on
; this project's CI, which runs on Linux.
;
; build.ps1 compiles it after PyInstaller has made dist\attune\, passing the version and
; the repository's folder:
;   ISCC.exe /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DRepoRoot=C:\src\attune attune.iss
; and writes dist\attune-<version>-windows-x64-setup.exe.
;
; The installer puts the program in the person's own AppData\Local\Programs\Attune by
; default (no administrator needed); a dialog offers "for all users" under Program Files
; instead. Uninstalling removes the program and its shortcuts, never the person's journal,
; practices and settings, which Attune keeps in AppData\Local\Attune (%LOCALAPPDATA%\Attune).

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (for x64compatible); get it at jrsoftware.org, Downloads
#endif
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z ... (packaging\windows\build.ps1 does this)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef RepoRoot
  #define RepoRoot "..\.."
#endif

[Setup]
; The AppId ties every version of Attune together (upgrades, the uninstaller). Never change it.
AppId={{B4108870-B44F-4C2F-B9B1-4EC9F7302040}
AppName=Attune
AppVersion={#AppVersion}
AppVerName=Attune {#AppVersion}
AppPublisher=The Attune authors
AppComments=A calm, offline companion for the practices people learn in therapy.
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName=Attune
VersionInfoDescription=Attune setup
; Every relative path below is relative to the repository.
SourceDir={#RepoRoot}
OutputDir=dist
OutputBaseFilename=attune-{#AppVersion}-windows-x64-setup
SetupIconFile=packaging\windows\attune.ico
UninstallDisplayIcon={app}\attune.exe
UninstallDisplayName=Attune
; Per-person install by default; the dialog lets an administrator install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Attune
DefaultGroupName=Attune
DisableProgramGroupPage=yes
; 64-bit Windows 10 1809 or later: what Qt 6 runs on.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Attune must not be running while its files are replaced or removed.
CloseApplications=yes
#ifdef SignSetup
; build.ps1 defines SignSetup (and passes /Sattune=...) when ATTUNE_WINDOWS_SIGN_THUMBPRINT
; is set, so that the installer and the uninstaller it writes are signed too.
SignTool=attune
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Messages]
english.ConfirmUninstall=Remove %1 from this computer?%n%nYour journal, your own practices and your settings stay where they are, in the folder AppData\Local\Attune in your user folder.
english.UninstalledAll=%1 was removed from this computer.%n%nYour journal, your own practices and your settings are still in the folder AppData\Local\Attune in your user folder. If you want them gone too, delete that folder yourself (or, before uninstalling, use Settings > Delete all my data in Attune).
dutch.ConfirmUninstall=%1 van deze computer verwijderen?%n%nJe dagboek, je eigen oefeningen en je instellingen blijven bewaard in de map AppData\Local\Attune in je gebruikersmap.
dutch.UninstalledAll=%1 is van deze computer verwijderd.%n%nJe dagboek, je eigen oefeningen en je instellingen staan nog in de map AppData\Local\Attune in je gebruikersmap. Wil je die ook kwijt, verwijder die map dan zelf (of kies voor het verwijderen in Attune Instellingen > Al mijn gegevens verwijderen).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: attune.exe (the window), attune-cli.exe (the command line)
; and _internal\ (Python, Qt and Attune's own files).
Source: "dist\attune\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Attune"; Filename: "{app}\attune.exe"; Comment: "Practise what you learn in therapy"
Name: "{autodesktop}\Attune"; Filename: "{app}\attune.exe"; Comment: "Practise what you learn in therapy"; Tasks: desktopicon

[Run]
Filename: "{app}\attune.exe"; Description: "{cm:LaunchProgram,Attune}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what this installer put in {app}
; and the shortcuts. AppData\Local\Attune (journal, practices, settings, cache) is the
; person's, and stays.

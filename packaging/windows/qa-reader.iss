; Inno Setup script for Q&A Reader (Inno Setup 6). Built by the CI workflow:
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\dist\qa-reader /DOutputDir=build\installers ^
;        packaging\windows\qa-reader.iss
; Installs per user (no administrator rights asked) into %LOCALAPPDATA%\Programs\Q&A Reader;
; an administrator may choose "install for all users" in the first page instead.

#ifndef AppVersion
  #error Pass /DAppVersion=... (the version in src/qa_reader/__init__.py)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\qa-reader"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\installers"
#endif
#define AppName "Q&A Reader"
#define AppId "org.qareader.QAReader"
#define ProgId "QAReader.Document"

[Setup]
; The GUID-less AppId keeps upgrades and the uninstaller tied to our reverse-DNS id.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Q&A Reader developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=qa-reader-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\icons\qa-reader.ico
UninstallDisplayIcon={app}\qa-reader.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
LicenseFile=..\..\LICENSE

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open Q&&A Reader documents (.qajson) with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\qa-reader.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\qa-reader.exe"; Tasks: desktopicon

[Registry]
; Per-user or per-machine classes root follows the install mode ({autopf} above).
Root: HKA; Subkey: "Software\Classes\.qajson"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.qajson\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Q&A Reader document"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\qa-reader.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\qa-reader.exe"" ""%1"""; Tasks: associate
; "Open with" for plain-text pages, without taking .txt away from the user's editor.
Root: HKA; Subkey: "Software\Classes\Applications\qa-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\qa-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".qajson"; ValueData: ""

[Run]
Filename: "{app}\qa-reader.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

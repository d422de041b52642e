; Inno Setup 6 script of the intake desk for Windows 10 (1809+) and 11, 64-bit.
; Packs the PyInstaller folder packaging\dist\intake-app (packaging\intake-app.spec) into
; packaging\dist\intake-app-setup-VERSION.exe. Steps and choices: packaging\README.md.
;
;   iscc packaging\intake-app.iss                      version read from pyproject.toml
;   iscc /DAppVersion=0.1.0 packaging\intake-app.iss   version given
;   iscc /DSign "/Ssigntool=signtool.exe sign /fd SHA256 /tr URL /td SHA256 /a $f" ...
;
; Installs for the current Windows user by default, with no administrator rights, into
; %LOCALAPPDATA%\Programs\IntakeApp; an administrator may choose "all users" (Program Files).
; The station's data folder (%LOCALAPPDATA%\IntakeApp\intake-app of each Windows user, see
; intake_app\paths.py) is never written, moved or deleted by this installer or its uninstaller.
; (Inno's messages give "%" a meaning: they name it AppData\Local\..., the same folder.)

#define AppName "Tiếp nhận hồ sơ"
#define AppFolder "IntakeApp"
#define WindowExe "intake-app-window.exe"
#define ConsoleExe "intake-app.exe"
#define Bundle "dist\intake-app"
#define DataFolder "AppData\Local\IntakeApp\intake-app"

#ifndef Compression
  ; /DCompression=zip (or none) for a quick trial build
  #define Compression "lzma2/max"
#endif

#ifndef InstallRoot
  ; {autopf}: %LOCALAPPDATA%\Programs per user, Program Files for all users. (Wine has no
  ; per-user Programs folder: the trial under Wine passes /DInstallRoot={localappdata}\Programs.)
  #define InstallRoot "{autopf}"
#endif

#ifndef AppVersion
  ; The version of pyproject.toml: its first line that starts with `version = "`.
  #define AppVersion ""
  #define FileHandle
  #define FileLine
  #sub ReadVersionLine  ; (a #define in a #sub is local unless public)
    #define FileLine = FileRead(FileHandle)
    #if AppVersion == "" && Pos('version = "', FileLine) == 1
      #define public AppVersion = Copy(FileLine, 12, Len(FileLine) - 12)
    #endif
  #endsub
  #for {FileHandle = FileOpen(AddBackslash(SourcePath) + "..\pyproject.toml"); \
    FileHandle && !FileEof(FileHandle); ""} ReadVersionLine
  #if FileHandle
    #expr FileClose(FileHandle)
  #endif
  #if AppVersion == ""
    #error No version in ..\pyproject.toml: pass /DAppVersion=X.Y.Z to iscc
  #endif
#endif

[Setup]
; The AppId never changes: a newer setup finds the installed copy by it and upgrades it in
; place (same folder, same shortcuts, data untouched).
AppId={{8C6A2F4E-5B1D-4B7A-9E3C-2D7F1A6B9C40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=IntakeApp
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} – cài đặt
DefaultDirName={#InstallRoot}\{#AppFolder}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; Per user without administrator rights by default; "all users" when an administrator asks
; for it (the dialog, or /ALLUSERS on the command line).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 version 1809 (build 17763): the oldest Windows that Qt 6 supports.
MinVersion=10.0.17763
OutputDir=dist
OutputBaseFilename=intake-app-setup-{#AppVersion}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
; The welcome page says the data already on the PC is kept (an upgrade shows it too).
DisableWelcomePage=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#WindowExe}
; A running copy is asked to close (Windows Restart Manager) before its files are replaced.
; The window holds these named mutexes while it runs (intake_app\ui\single_instance.py): setup
; and the uninstaller see a running copy by them, in this session or another one.
AppMutex=IntakeAppRunning,Global\IntakeAppRunning
CloseApplications=yes
RestartApplications=no
; Nothing registered beyond the uninstall entry: no file types, no PATH, no services.
ChangesAssociations=no
ChangesEnvironment=no
SetupLogging=yes
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
#if FileExists(CompilerPath + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#else
; Inno Setup ships no Vietnamese among its official languages: the buttons stay in English
; unless Vietnamese.isl (Inno's unofficial translations) is put in its Languages folder; the
; messages that matter to a commune are given in Vietnamese below either way.
Name: "vi"; MessagesFile: "compiler:Default.isl"
#endif

[Messages]
WelcomeLabel1=Cài đặt [name]
WelcomeLabel2=Chương trình sẽ cài [name/ver] vào máy tính này.%n%nNếu phần mềm đang mở, hãy đóng lại trước khi tiếp tục. Dữ liệu hồ sơ đã có trên máy được giữ nguyên.
FinishedLabel=Đã cài xong [name]. Mở phần mềm bằng biểu tượng "Tiếp nhận hồ sơ" trên màn hình nền hoặc trong menu Start.
ConfirmUninstall=Gỡ %1 khỏi máy tính này?%n%nDữ liệu hồ sơ (thư mục {#DataFolder} của mỗi tài khoản Windows: cơ sở dữ liệu, giấy tiếp nhận, nhật ký) KHÔNG bị xoá và vẫn dùng được khi cài lại.%n%nThe data folder is kept.
UninstalledAll=Đã gỡ %1.%n%nDữ liệu hồ sơ vẫn được giữ ở {#DataFolder}. Chỉ xoá thư mục đó khi đã sao lưu và chắc chắn không còn cần.
UninstalledMost=Đã gỡ %1.%n%nMột vài tệp không xoá được; có thể xoá tay. Dữ liệu hồ sơ vẫn được giữ ở {#DataFolder}.

[CustomMessages]
DesktopIcon=Tạo biểu tượng trên màn hình nền
OpenNow=Mở {#AppName} ngay
NotInDataFolder=Không cài phần mềm vào thư mục dữ liệu hồ sơ (%1). Hãy chọn thư mục khác.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; An upgrade replaces the whole program folder: a file the new version no longer ships must
; not stay beside it. Only the program's own files: the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#WindowExe}"; WorkingDir: "{app}"; Comment: "Tiếp nhận và trả kết quả hồ sơ thủ tục hành chính"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#WindowExe}"; WorkingDir: "{app}"; Comment: "Tiếp nhận và trả kết quả hồ sơ thủ tục hành chính"; Tasks: desktopicon

[Run]
Filename: "{app}\{#WindowExe}"; Description: "{cm:OpenNow}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppFolder}\intake-app');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Chosen, Data: String;
begin
  Result := True;
  if CurPageID = wpSelectDir then
  begin
    Chosen := Lowercase(AddBackslash(WizardDirValue()));
    Data := Lowercase(AddBackslash(DataFolder()));
    { The uninstaller empties the program folder: it must never be the data folder. }
    if (Pos(Data, Chosen) = 1) or (Pos(Chosen, Data) = 1) then
    begin
      MsgBox(FmtMessage(CustomMessage('NotInDataFolder'), [DataFolder()]), mbError, MB_OK);
      Result := False;
    end;
  end;
end;

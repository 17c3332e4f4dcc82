type Props = { onUpdate: () => void; onLater: () => void };

/** «تحديث متاح»: a new version of the app is waiting (./update-prompt.tsx). */
export function UpdatePromptDialog({ onUpdate, onLater }: Props) {
  return (
    <div
      className="update-prompt"
      role="alertdialog"
      aria-labelledby="update-title"
      aria-describedby="update-text"
    >
      <p id="update-title" className="update-prompt__title">
        تحديث متاح
      </p>
      <p id="update-text">نسخة أحدث من قارئ جاهزة. حدّث الصفحة لاستخدامها.</p>
      <div className="update-prompt__actions">
        <button type="button" className="button button--primary" onClick={onUpdate}>
          تحديث
        </button>
        <button type="button" className="button" onClick={onLater}>
          لاحقاً
        </button>
      </div>
    </div>
  );
}

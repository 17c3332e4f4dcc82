import { Link } from 'react-router';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="page site-footer__inner">
        <p className="site-footer__name">قارئ</p>
        <p>
          قارئ تطبيق لقراءة الأخبار بالعربية، يعمل على الهاتف والحاسوب، وتبقى قصصه المحفوظة متاحة
          دون اتصال.
        </p>
        <p>
          <Link to="/">الصفحة الرئيسية</Link>
        </p>
      </div>
    </footer>
  );
}

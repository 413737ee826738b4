//! `site.toml`: languages, base URL, report year, scale, footer and the
//! accessibility statement, checked and turned into [`Settings`].

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::model::{AccessibilityStatement, Branding, Footer, Language, Logo, ScaleStep, Settings};
use crate::source::Source;
use crate::text::{check_base_url, check_link, normalise_base_url};
use toml::Spanned;

use super::{Validator, What};
use crate::formats::YEARS;

impl Validator<'_> {
    pub(super) fn settings(&mut self, c: &SiteConfig, file: &Arc<Source>) -> Settings {
        self.languages(c, file);
        if let Err(why) = check_base_url(c.base_url.get_ref()) {
            let d = self.at(file, c.base_url.span(), why.arg("field", "base_url"));
            d.hint = Some(msg!(BaseUrlHint));
        }
        if !YEARS.contains(&c.report_year) {
            self.file(file, msg!(ReportYearNotSensible, year = c.report_year));
        }
        let title = self.text(file, &c.title, What::SITE_TITLE);
        let description = self.text(file, &c.description, What::SITE_DESCRIPTION);
        let scale = self.scale(c, file);
        let organisation = self.opt_text(file, &c.footer.organisation, What::FOOTER_ORGANISATION);
        let accessibility = self.statement(c, file);
        let address = self.opt_text(file, &c.footer.address, What::FOOTER_ADDRESS);
        Settings {
            base_url: normalise_base_url(c.base_url.get_ref()),
            report_year: c.report_year,
            languages: c
                .languages
                .get_ref()
                .iter()
                .filter_map(|l| Some(Language { code: Lang::new(l.code.get_ref())?, name: l.name.clone() }))
                .collect(),
            title,
            description,
            scale,
            footer: Footer {
                organisation,
                website: self.link(file, c.footer.website.as_ref(), "website"),
                email: self.email(file, c.footer.email.as_ref()),
                phone: self.phone(file, c.footer.phone.as_ref()),
                address,
            },
            branding: Default::default(),
            open_data: self.open_data(c, file),
            raw_html: c.check.raw_html,
            png_downloads: c.downloads.png,
            search: c.search.enabled,
            accessibility,
        }
    }

    /// `[branding]`: the logo (read and checked) with its text in every
    /// language, and the accent colour (its contrast is the theme's to check).
    pub(super) fn branding(&mut self, root: &Path, c: &SiteConfig, file: &Arc<Source>) -> Branding {
        let b = &c.branding;
        let alt = self.opt_text(file, &b.logo_alt, What::LOGO_ALT);
        let logo = match (&b.logo, alt) {
            (Some(path), Some(alt)) => match crate::load::branding::logo(root, path, file) {
                Ok(svg) => Some(Logo { svg, alt }),
                Err(d) => {
                    self.problems.push(d);
                    None
                }
            },
            (Some(path), None) => {
                let example = crate::lang::text_example(self.langs);
                self.at(file, path.span(), msg!(LogoNeedsAlt)).hint = Some(msg!(LogoNeedsAltHint, example = example));
                None
            }
            (None, Some(_)) => {
                let span = b.logo_alt.as_ref().map_or(0..0, |a| a.span());
                self.at(file, span, msg!(LogoAltWithoutLogo)).hint = Some(msg!(LogoAltWithoutLogoHint));
                None
            }
            (None, None) => None,
        };
        Branding { logo, accent: b.accent.as_ref().map(|a| a.get_ref().clone()) }
    }

    /// A link from `site.toml`: only safe schemes are published.
    fn link(&mut self, file: &Arc<Source>, url: Option<&Spanned<String>>, field: &str) -> Option<String> {
        let url = url?;
        if let Err(why) = check_link(url.get_ref()) {
            let d = self.at(file, url.span(), why.arg("field", field));
            d.hint = Some(msg!(LinkHint));
            return None;
        }
        Some(url.get_ref().clone())
    }

    /// An e-mail address, published as a `mailto:` link.
    pub(super) fn email(&mut self, file: &Arc<Source>, email: Option<&Spanned<String>>) -> Option<String> {
        let email = email?;
        let e = email.get_ref();
        let plausible = e.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
            && !e.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>:/?#".contains(c));
        if !plausible {
            self.at(file, email.span(), msg!(NotAnEmail, value = e)).hint = Some(msg!(EmailHint));
            return None;
        }
        Some(e.clone())
    }

    /// A phone number, published as text and as a `tel:` link.
    fn phone(&mut self, file: &Arc<Source>, phone: Option<&Spanned<String>>) -> Option<String> {
        let phone = phone?;
        let p = phone.get_ref();
        if !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) || !p.chars().any(|c| c.is_ascii_digit()) {
            self.at(file, phone.span(), msg!(NotAPhone, value = p)).hint = Some(msg!(PhoneHint));
            return None;
        }
        Some(p.clone())
    }

    fn languages(&mut self, c: &SiteConfig, file: &Arc<Source>) {
        self.problems.extend(c.language_problems(file));
    }

    fn scale(&mut self, c: &SiteConfig, file: &Arc<Source>) -> Vec<ScaleStep> {
        let mut ids = HashSet::new();
        let mut scale = Vec::new();
        for step in c.scale.get_ref() {
            if !ids.insert(step.id.get_ref().clone()) {
                self.at(file, step.id.span(), msg!(ScaleStepTwice, id = step.id.get_ref()));
            }
            let label = self.text(file, &step.label, What::SCALE_LABEL);
            let description = self.opt_text(file, &step.description, What::SCALE_DESCRIPTION);
            scale.push(ScaleStep { id: step.id.get_ref().clone(), kind: step.kind, label, description });
        }
        if c.scale.get_ref().is_empty() {
            self.at(file, c.scale.span(), msg!(ScaleEmpty));
        }
        scale
    }

    fn statement(&mut self, c: &SiteConfig, file: &Arc<Source>) -> Option<AccessibilityStatement> {
        let a = c.accessibility.as_ref()?;
        let slug = self.slug(file, &Some(a.slug.clone())).unwrap_or_else(|| a.slug.get_ref().clone());
        let contact = self.text(file, &a.contact, What::STATEMENT_CONTACT);
        let method = self.text(file, &a.method, What::STATEMENT_METHOD);
        let supervisor = self.text(file, &a.supervisor, What::SUPERVISOR);
        let shortcomings = a.shortcomings.iter().map(|s| self.text(file, s, What::SHORTCOMING)).collect();
        if c.footer.organisation.is_none() {
            self.problems.push(
                Diagnostic::error(&file.path, msg!(StatementNeedsOrganisation))
                    .with_hint(msg!(StatementNeedsOrganisationHint, example = crate::lang::text_example(self.langs))),
            );
        }
        let date = self.date(file, &a.statement_date, "statement_date").unwrap_or_default();
        Some(AccessibilityStatement {
            slug,
            status: a.status,
            date,
            contact,
            contact_url: self.link(file, a.contact_url.as_ref(), "contact_url"),
            shortcomings,
            method,
            supervisor,
            supervisor_url: self.link(file, Some(&a.supervisor_url), "supervisor_url").unwrap_or_default(),
        })
    }
}
